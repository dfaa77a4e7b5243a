package uk.org.lxp.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the command-line tools a benchmark uses (wrk, nginx, git) and reads what they print. */
final class Commands {

    private record Finished(int exitValue, String output) {
    }

    private Commands() {
    }

    /** Runs a command to its end and returns its output (standard output and error together); fails on a non-zero exit. */
    static String run(List<String> command, Path directory, Map<String, String> environment, long timeoutSeconds) {
        Finished finished = execute(command, directory, environment, timeoutSeconds);
        if (finished.exitValue() != 0) {
            throw new BenchException(String.join(" ", command) + " exited " + finished.exitValue() + ":\n" + finished.output());
        }
        return finished.output();
    }

    /**
     * The first line a command prints whatever its exit (wrk -v exits 1), or what went wrong: for the machine's facts,
     * where nothing may stop the run.
     */
    static String firstLine(List<String> command, Path directory) {
        try {
            return execute(command, directory, Map.of(), 30).output().lines().findFirst().orElse("").trim();
        } catch (BenchException e) {
            return "unknown (" + e.getMessage().lines().findFirst().orElse("") + ")";
        }
    }

    private static Finished execute(List<String> command, Path directory, Map<String, String> environment, long timeoutSeconds) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
            builder.environment().putAll(environment);
            Process process = builder.start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new BenchException(command.get(0) + " did not finish within " + timeoutSeconds + " s");
            }
            return new Finished(process.exitValue(), new String(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new BenchException("Could not run " + command.get(0) + " (is it installed?): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchException("Interrupted while running " + command.get(0), e);
        }
    }
}
