package uk.org.lxp.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * A module's own benchmark test (JUnit, tagged {@code benchmark}) run through Maven for a command of the bench, for
 * what is best measured inside one JVM; the test writes its figures as a properties file, kept with the Maven log.
 */
final class BenchmarkTestRun {

    private BenchmarkTestRun() {
    }

    /**
     * Runs {@code testClass} of {@code module} with {@code -Pbenchmark} and the given {@code -D} settings, and returns
     * the figures it wrote to {@code target/benchmark/<figuresFile>}; {@code label} names the run's files in {@code work}.
     */
    static Properties run(Path root, Path work, String module, String testClass, String figuresFile, String label,
            List<String> settings, PrintStream out) {
        out.println("Running " + testClass + " of " + module + (settings.isEmpty() ? "" : " with " + String.join(" ", settings)));
        List<String> command = new ArrayList<>(List.of(root.resolve("mvnw").toString(), "-B", "-ntp", "-pl", module, "-am",
                "verify", "-Pbenchmark", "-Dtest=" + testClass, "-Dsurefire.failIfNoSpecifiedTests=false"));
        settings.forEach(setting -> command.add("-D" + setting));
        Path figures = root.resolve(module).resolve("target/benchmark").resolve(figuresFile);
        try {
            // An earlier run's figures must never pass for this run's.
            Files.deleteIfExists(figures);
        } catch (IOException e) {
            throw new BenchException("Could not clear " + figures + ": " + e.getMessage(), e);
        }
        String output = Commands.run(command, root, Map.of(), 30 * 60);
        try {
            Files.createDirectories(work);
            Path log = work.resolve("maven-" + label + ".log");
            Files.writeString(log, output);
            if (!Files.isRegularFile(figures)) {
                throw new BenchException(testClass + " wrote no " + figuresFile + "; see " + log);
            }
            Path kept = work.resolve(label + "-" + figuresFile);
            Files.copy(figures, kept, StandardCopyOption.REPLACE_EXISTING);
            return read(kept);
        } catch (IOException e) {
            throw new BenchException("Could not keep the figures of " + testClass + ": " + e.getMessage(), e);
        }
    }

    static Properties read(Path file) throws IOException {
        Properties figures = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            figures.load(reader);
        }
        return figures;
    }

    /** A figure the test must have written; a missing one stops the run rather than reading as zero. */
    static double number(Properties figures, String key) {
        String value = figures.getProperty(key);
        if (value == null) {
            throw new BenchException("The benchmark test wrote no " + key);
        }
        return Double.parseDouble(value);
    }
}
