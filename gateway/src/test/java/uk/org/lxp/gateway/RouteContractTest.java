package uk.org.lxp.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationTarget;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.Index;
import org.jboss.jandex.Indexer;
import org.jboss.jandex.MethodInfo;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import uk.org.lxp.http.SuiteServices;

/**
 * routes.conf against what the services really offer: every published operation of every service (its own and the
 * libraries' it runs) is routed to that service, every route reaches at least one operation, and the roles a route
 * lets through are exactly those the operations behind it allow. Reads the services' compiled classes, which the
 * build makes before the gateway's.
 */
class RouteContractTest {

    private static final Path ROOT = Path.of("..");
    private static final List<String> LIBRARIES = List.of("platform/event-outbox");
    private static final Set<String> HTTP_METHODS = Set.of("GET", "POST", "PUT", "DELETE", "PATCH");

    record Operation(String service, String method, String path, Set<String> roles) {
    }

    private final List<SuiteServices.Service> services = SuiteServices.read(ROOT.resolve("deploy/services.conf"));
    private final Set<String> realmRoles = realmRoles();
    private final RouteTable table = routeTable();
    private final List<Operation> operations = operations();

    @Test
    void everyPublishedOperationIsRoutedToItsOwnService() {
        assertThat(operations).hasSizeGreaterThan(30);
        for (Operation operation : operations) {
            RouteTable.Match match = table.match(operation.method(), concrete(operation.path(), operation.service()));
            assertThat(match).as("%s %s of %s", operation.method(), operation.path(), operation.service())
                    .isInstanceOfSatisfying(RouteTable.Found.class,
                            found -> assertThat(found.route().service()).isEqualTo(operation.service()));
        }
    }

    @Test
    void everyRouteReachesAnOperation() {
        for (Route route : table.routes()) {
            assertThat(operationsBehind(route)).as("%s %s", route.method(), route.pathPrefix()).isNotEmpty();
        }
    }

    @Test
    void theRolesOfEachRouteAreThoseOfTheOperationsBehindIt() {
        for (Route route : table.routes()) {
            Set<String> allowedBehind = new HashSet<>();
            operationsBehind(route).forEach(operation -> allowedBehind.addAll(operation.roles()));
            assertThat(route.roles()).as("roles of %s %s", route.method(), route.pathPrefix())
                    .containsExactlyInAnyOrderElementsOf(allowedBehind);
        }
    }

    /**
     * A service's list operation reads a page and counts the whole list in two statements; only in one snapshot do
     * the two agree (see {@code OneSnapshot}). (The dead-letter list of the event-outbox library counts what it lists.)
     */
    @Test
    void everyListAServiceAnswersReadsItsPageAndItsCountInOneSnapshot() {
        DotName page = DotName.createSimple("uk.org.lxp.api.paging.Page");
        DotName oneSnapshot = DotName.createSimple("uk.org.lxp.api.paging.OneSnapshot");
        List<String> lists = new ArrayList<>();
        List<String> outside = new ArrayList<>();
        for (SuiteServices.Service service : services) {
            for (ClassInfo resource : index(List.of(ROOT.resolve(service.name()).resolve("target/classes"))).getKnownClasses()) {
                for (MethodInfo method : resource.methods()) {
                    if (method.returnType().name().equals(page)) {
                        lists.add(resource.simpleName() + "." + method.name());
                        if (!method.hasDeclaredAnnotation(oneSnapshot)) {
                            outside.add(service.name() + " " + resource.simpleName() + "." + method.name());
                        }
                    }
                }
            }
        }
        assertThat(lists).hasSizeGreaterThan(10);
        assertThat(outside).as("lists read in two snapshots").isEmpty();
    }

    /** The operations a route is the route of: the ones a request to them would be matched to it. */
    private List<Operation> operationsBehind(Route route) {
        return operations.stream().filter(operation -> table.match(operation.method(),
                        concrete(operation.path(), operation.service())) instanceof RouteTable.Found found
                        && found.route().equals(route))
                .toList();
    }

    private static String concrete(String template, String service) {
        return template.replace("{service}", service).replaceAll("\\{[^}]+}", "x");
    }

    private RouteTable routeTable() {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("routes.conf")) {
            return RouteTable.parse(List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")))
                    .withOperationsOf(services.stream().map(SuiteServices.Service::name).toList());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Operation> operations() {
        Index libraries = index(LIBRARIES.stream().map(ROOT::resolve).toList());
        List<Operation> found = new ArrayList<>();
        for (SuiteServices.Service service : services) {
            Path classes = ROOT.resolve(service.name()).resolve("target/classes");
            assertThat(classes).as("compiled classes of %s: build it before the gateway", service.name()).isDirectory();
            found.addAll(operationsOf(service.name(), index(List.of(classes))));
            found.addAll(operationsOf(service.name(), libraries));
        }
        return found;
    }

    private List<Operation> operationsOf(String service, Index index) {
        List<Operation> found = new ArrayList<>();
        for (AnnotationInstance path : index.getAnnotations(DotName.createSimple("jakarta.ws.rs.Path"))) {
            if (path.target().kind() != AnnotationTarget.Kind.CLASS) {
                continue;
            }
            ClassInfo resource = path.target().asClass();
            for (MethodInfo method : resource.methods()) {
                String httpMethod = method.annotations().stream().map(a -> a.name().withoutPackagePrefix())
                        .filter(HTTP_METHODS::contains).findFirst().orElse(null);
                if (httpMethod == null) {
                    continue;
                }
                AnnotationInstance subPath = method.declaredAnnotation(DotName.createSimple("jakarta.ws.rs.Path"));
                String full = join(path.value().asString(), subPath == null ? "" : subPath.value().asString());
                if (full.startsWith("/api/")) {
                    found.add(new Operation(service, httpMethod, full, roles(resource, method)));
                }
            }
        }
        return found;
    }

    /**
     * {@code @RolesAllowed} of the method, else of the class; {@code @Authenticated} means every realm role;
     * {@code @PermitAll} (on the method only) means a public route.
     */
    private Set<String> roles(ClassInfo resource, MethodInfo method) {
        if (method.declaredAnnotation(DotName.createSimple("jakarta.annotation.security.PermitAll")) != null) {
            return Set.of(Route.PUBLIC);
        }
        for (AnnotationTarget target : List.<AnnotationTarget>of(method, resource)) {
            AnnotationInstance allowed = target.kind() == AnnotationTarget.Kind.METHOD
                    ? method.declaredAnnotation(DotName.createSimple("jakarta.annotation.security.RolesAllowed"))
                    : resource.declaredAnnotation(DotName.createSimple("jakarta.annotation.security.RolesAllowed"));
            if (allowed != null) {
                return Set.of(allowed.value().asStringArray());
            }
            AnnotationInstance authenticated = target.kind() == AnnotationTarget.Kind.METHOD
                    ? method.declaredAnnotation(DotName.createSimple("io.quarkus.security.Authenticated"))
                    : resource.declaredAnnotation(DotName.createSimple("io.quarkus.security.Authenticated"));
            if (authenticated != null) {
                return realmRoles;
            }
        }
        throw new IllegalStateException(resource.name() + "." + method.name() + " names no roles");
    }

    private static String join(String base, String sub) {
        String path = ("/" + base + "/" + sub).replaceAll("/+", "/");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private static Index index(List<Path> classDirectories) {
        Indexer indexer = new Indexer();
        for (Path directory : classDirectories) {
            try (Stream<Path> files = Files.walk(directory)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                    try (InputStream in = Files.newInputStream(file)) {
                        indexer.index(in);
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException("Could not read " + directory, e);
            }
        }
        return indexer.complete();
    }

    private static Set<String> realmRoles() {
        try {
            JsonNode realm = new ObjectMapper().readTree(ROOT.resolve("deploy/keycloak/lxp-realm.json").toFile());
            Set<String> roles = new HashSet<>();
            realm.path("roles").path("realm").forEach(role -> roles.add(role.path("name").asText()));
            return Set.copyOf(roles);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
