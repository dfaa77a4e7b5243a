package uk.org.lxp.stack;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * What a running stack tells other ./lxp commands: the launcher's process, each component's process, and where the
 * gateway, Keycloak and Kafka listen. Written as components start; removed when the stack has stopped.
 */
public final class StackState {

    private static final String LAUNCHER = "launcher";
    private static final String ORDER = "started";

    private final Path file;
    private final Properties values = new Properties();

    private StackState(Path file) {
        this.file = file;
    }

    static StackState create(Path file) {
        StackState state = new StackState(file);
        state.values.setProperty("pid." + LAUNCHER, Long.toString(ProcessHandle.current().pid()));
        state.save();
        return state;
    }

    public static Optional<StackState> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        StackState state = new StackState(file);
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            state.values.load(reader);
        } catch (IOException e) {
            throw new StackException("Could not read " + file + ": " + e.getMessage(), e);
        }
        return Optional.of(state);
    }

    synchronized void recordComponent(Component component) {
        values.setProperty("pid." + component.name(), Long.toString(component.pid()));
        String order = values.getProperty(ORDER);
        if (order == null) {
            values.setProperty(ORDER, component.name());
        } else if (!List.of(order.split(",")).contains(component.name())) {
            // A component started again keeps its place in the order.
            values.setProperty(ORDER, order + "," + component.name());
        }
        save();
    }

    synchronized void recordAddress(String name, String address) {
        values.setProperty("address." + name, address);
        save();
    }

    Optional<String> address(String name) {
        return Optional.ofNullable(values.getProperty("address." + name));
    }

    Optional<ProcessHandle> launcher() {
        return process(LAUNCHER);
    }

    /** The components' processes that still run, newest first (the order to stop them in); not the launcher. */
    public Map<String, ProcessHandle> components() {
        List<String> names = new ArrayList<>(List.of(values.getProperty(ORDER, "").split(",")));
        Collections.reverse(names);
        Map<String, ProcessHandle> running = new LinkedHashMap<>();
        names.forEach(name -> process(name).ifPresent(handle -> running.put(name, handle)));
        return running;
    }

    /**
     * A recorded process that still runs and is still ours: a process id can be reused after a crash, so the command
     * line must name the stack's home (components) or carry the root that ./lxp gives the launcher.
     */
    private Optional<ProcessHandle> process(String name) {
        String pid = values.getProperty("pid." + name);
        String mark = LAUNCHER.equals(name) ? "-Dlxp.root=" : file.getParent().toString();
        return pid == null ? Optional.empty() : ProcessHandle.of(Long.parseLong(pid))
                .filter(ProcessHandle::isAlive)
                .filter(handle -> handle.info().commandLine().map(line -> line.contains(mark)).orElse(true));
    }

    void delete() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new StackException("Could not delete " + file + ": " + e.getMessage(), e);
        }
    }

    /** Written whole and then moved into place: the other ./lxp commands read it while the launcher writes it. */
    private void save() {
        Path written = file.resolveSibling(file.getFileName() + ".new");
        try {
            Files.createDirectories(file.getParent());
            try (Writer writer = Files.newBufferedWriter(written, StandardCharsets.UTF_8)) {
                values.store(writer, "The running LXP stack; written by ./lxp up, read by ./lxp down, status, events and token");
            }
            Files.move(written, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new StackException("Could not write " + file + ": " + e.getMessage(), e);
        }
    }
}
