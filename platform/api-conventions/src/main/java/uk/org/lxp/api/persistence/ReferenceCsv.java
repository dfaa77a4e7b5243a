package uk.org.lxp.api.persistence;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Reference data a service ships (pay scales, bank holidays, ...) as a CSV file with a header line, for the Flyway
 * migration that loads it. A missing file or an unexpected header stops the migration rather than loading wrongly.
 */
public final class ReferenceCsv {

    private ReferenceCsv() {
    }

    /**
     * The rows of the class-path resource, each split into as many cells as the header has (so the last cell keeps
     * any comma), blank lines skipped.
     */
    public static List<String[]> rows(String resource, String header) {
        int columns = header.split(",").length;
        return lines(resource, header).stream().map(line -> line.split(",", columns)).toList();
    }

    /** The lines of the class-path resource after its header, blank lines skipped, for a file cells cannot split. */
    public static List<String> lines(String resource, String header) {
        ClassLoader application = Thread.currentThread().getContextClassLoader();
        try (InputStream in = (application != null ? application : ReferenceCsv.class.getClassLoader())
                .getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the application");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            if (!header.equals(reader.readLine())) {
                throw new IllegalStateException(resource + " does not start with " + header);
            }
            return reader.lines().filter(line -> !line.isBlank()).toList();
        } catch (IOException e) {
            throw new IllegalStateException("Could not read " + resource, e);
        }
    }
}
