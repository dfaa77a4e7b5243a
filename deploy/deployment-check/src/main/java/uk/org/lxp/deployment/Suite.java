package uk.org.lxp.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import uk.org.lxp.http.SuiteServices;

/** The repository as the deployment sees it: the applications of deploy/services.conf and the gateway. */
public final class Suite {

    public static final String GATEWAY = "gateway";

    private static final Pattern DEPENDENCY = Pattern.compile("<dependency>(.*?)</dependency>", Pattern.DOTALL);
    private static final Pattern PARENT = Pattern.compile("<parent>.*?<artifactId>([^<]+)</artifactId>", Pattern.DOTALL);
    private static final Pattern ARTIFACT = Pattern.compile("<artifactId>([^<]+)</artifactId>");

    private final Path root;

    public Suite(Path root) {
        this.root = root;
    }

    /** The repository holding this module, found upwards from the working directory. */
    public static Suite fromWorkingDirectory() {
        Path folder = Path.of("").toAbsolutePath();
        while (folder != null && !Files.isRegularFile(folder.resolve("deploy/services.conf"))) {
            folder = folder.getParent();
        }
        if (folder == null) {
            throw new IllegalStateException("No deploy/services.conf above " + Path.of("").toAbsolutePath());
        }
        return new Suite(folder);
    }

    public Path root() {
        return root;
    }

    public List<SuiteServices.Service> services() {
        return SuiteServices.read(root.resolve("deploy/services.conf"));
    }

    /** Every application that is deployed: the services, then the gateway. */
    public List<Application> applications() {
        List<Application> applications = new ArrayList<>();
        for (SuiteServices.Service service : services()) {
            applications.add(application(service.name()));
        }
        applications.add(application(GATEWAY));
        return applications;
    }

    public Application application(String name) {
        Path module = root.resolve(name);
        return new Application(name, module, Integer.parseInt(Properties.read(
                module.resolve("src/main/resources/application.properties")).get("quarkus.http.port")));
    }

    /** An application module: its name (also its folder, image and Quarkus application name) and its HTTP port. */
    public record Application(String name, Path module, int port) {

        public Path dockerfile() {
            return module.resolve("src/main/docker/Dockerfile.jvm");
        }
    }

    /** The application's module and every platform library it is built on: its parent and dependencies, not test-scoped. */
    public Set<Path> modulesOf(Application application) {
        return modules(application.module());
    }

    private Set<Path> modules(Path module) {
        Set<Path> modules = new LinkedHashSet<>();
        modules.add(module);
        String pom = Suite.read(module.resolve("pom.xml"));
        List<String> platformArtifacts = new ArrayList<>();
        Matcher parent = PARENT.matcher(pom);
        if (parent.find()) {
            platformArtifacts.add(parent.group(1));
        }
        Matcher dependency = DEPENDENCY.matcher(pom);
        while (dependency.find()) {
            Matcher artifact = ARTIFACT.matcher(dependency.group(1));
            if (artifact.find() && !dependency.group(1).contains("<scope>test</scope>")) {
                platformArtifacts.add(artifact.group(1));
            }
        }
        for (String artifact : platformArtifacts) {
            Path library = root.resolve("platform").resolve(artifact);
            if (Files.isRegularFile(library.resolve("pom.xml"))) {
                modules.addAll(modules(library));
            }
        }
        return modules;
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file, e);
        }
    }

    static Optional<String> readIfPresent(Path file) {
        return Files.isRegularFile(file) ? Optional.of(read(file)) : Optional.empty();
    }

    /** The Java sources under a folder, if it exists. */
    static List<Path> javaSources(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(file -> file.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not list " + folder, e);
        }
    }
}
