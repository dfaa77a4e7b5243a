package uk.org.lxp.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackStateTest {

    @TempDir
    Path home;

    private final List<ChildProcess> started = new ArrayList<>();

    @AfterEach
    void stopProcesses() {
        started.forEach(ChildProcess::stop);
    }

    @Test
    void listsLiveComponentsNewestFirstAndOnlyThoseOfThisStack() throws IOException {
        StackState state = StackState.create(home.resolve("stack.properties"));
        ChildProcess database = sleeper("postgres", home.toString());
        ChildProcess broker = sleeper("kafka", home.toString());
        ChildProcess stranger = sleeper("gateway", "/somewhere/else");
        state.recordComponent(database);
        state.recordComponent(broker);
        state.recordComponent(stranger);

        StackState read = StackState.read(home.resolve("stack.properties")).orElseThrow();

        // A recorded pid whose command line does not name this stack's home may belong to someone else by now.
        assertThat(read.components().keySet()).containsExactly("kafka", "postgres");
        broker.stop();
        assertThat(read.components().keySet()).containsExactly("postgres");
    }

    @Test
    void addressesAreKeptForOtherCommands() {
        StackState state = StackState.create(home.resolve("stack.properties"));
        state.recordAddress("kafka", "127.0.0.1:19092");

        assertThat(StackState.read(home.resolve("stack.properties")).orElseThrow().address("kafka"))
                .contains("127.0.0.1:19092");
        state.delete();
        assertThat(StackState.read(home.resolve("stack.properties"))).isEmpty();
    }

    private ChildProcess sleeper(String name, String mark) {
        ChildProcess process = ChildProcess.start(name, List.of("sh", "-c", "sleep 60; true", mark), Map.of(), home,
                home.resolve(name + ".log"));
        started.add(process);
        return process;
    }
}
