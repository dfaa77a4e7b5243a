package uk.org.lxp.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The whole demo: real organisations, an invented role catalogue, and invented posts, pay and comparators that
 * show the problems the parity rules look for. Written declaratively in this package's JSON resources; the
 * repetitive rows are generated from them, the same every time.
 */
record DemoDataSet(Organisations organisations, RoleCatalogue catalogue, RoleDevelopmentPhase.Plan roleDevelopment,
        List<Establishment> establishments, List<Story> stories) {

    static DemoDataSet standard() {
        ObjectMapper json = Json.mapper();
        RoleCatalogue catalogue = read(json, "role-catalogue.json", RoleCatalogue.class);
        Map<String, String> bandByProfile = catalogue.profiles().stream()
                .collect(Collectors.toMap(RoleCatalogue.Profile::key, profile -> profile.profile().band()));
        EstablishmentGenerator.Plan plan = read(json, "establishment.json", EstablishmentGenerator.Plan.class);
        return new DemoDataSet(read(json, "organisations.json", Organisations.class), catalogue,
                read(json, "role-development.json", RoleDevelopmentPhase.Plan.class),
                EstablishmentGenerator.generate(plan, bandByProfile),
                List.of(read(json, "stories.json", Story[].class)));
    }

    private static <T> T read(ObjectMapper json, String resource, Class<T> type) {
        try (InputStream in = DemoDataSet.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the demo data set");
            }
            return json.readValue(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + resource, e);
        }
    }
}
