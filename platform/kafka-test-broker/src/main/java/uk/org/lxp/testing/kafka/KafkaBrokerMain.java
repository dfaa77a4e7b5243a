package uk.org.lxp.testing.kafka;

import java.io.IOException;

import kafka.Kafka;
import kafka.tools.StorageTool;

/**
 * Runs a single-node KRaft broker in its own JVM: formats the log directory on first start, then runs the broker.
 *
 * <p>The parent process keeps this process's standard input open. When the parent dies, however abruptly, the pipe
 * closes and the broker exits, so a crashed test JVM never leaves a broker behind.
 *
 * <p>Arguments: the path of the server properties file, then the cluster id.
 */
public final class KafkaBrokerMain {

    private KafkaBrokerMain() {
    }

    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: KafkaBrokerMain <server.properties> <cluster-id>");
            System.exit(2);
        }
        exitWhenParentGoes();
        int formatStatus = StorageTool.execute(
                new String[] {"format", "--config", args[0], "--cluster-id", args[1], "--ignore-formatted"},
                System.out);
        if (formatStatus != 0) {
            System.exit(formatStatus);
        }
        Kafka.main(new String[] {args[0]});
    }

    private static void exitWhenParentGoes() {
        Thread watcher = new Thread(() -> {
            try {
                while (System.in.read() != -1) {
                    // The parent never writes; reading only detects the pipe closing.
                }
            } catch (IOException closed) {
                // Treated like end of input: the parent is gone.
            }
            System.exit(0);
        }, "parent-watcher");
        watcher.setDaemon(true);
        watcher.start();
    }
}
