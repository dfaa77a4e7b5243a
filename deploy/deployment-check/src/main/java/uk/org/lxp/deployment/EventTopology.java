package uk.org.lxp.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What an application publishes and consumes, read from its code and the libraries it is built on: the topics of its
 * {@code new OutboxEvent(...)} calls and of the channels of its AsyncAPI documents, and its
 * {@code EventSubscription.named("...").topic(...)} declarations, each one consumer group
 * {@code <application>.<subscription>} whose records are parked on {@code <topic>.dlq}.
 */
public record EventTopology(String application, Set<String> produced, List<Subscription> subscriptions) {

    public static final String DEAD_LETTER_SUFFIX = ".dlq";

    private static final Pattern CONSTANT = Pattern.compile("static\\s+final\\s+String\\s+(\\w+)\\s*=\\s*\"([^\"]*)\"\\s*;");
    private static final Pattern SUBSCRIPTION = Pattern.compile("EventSubscription\\s*\\.\\s*named\\(\\s*\"([^\"]+)\"\\s*\\)");
    private static final Pattern TOPIC_CALL = Pattern.compile("\\.\\s*topic\\(([^)]*)\\)");
    private static final Pattern OUTBOX_EVENT = Pattern.compile("new\\s+OutboxEvent\\s*\\(");
    private static final int OUTBOX_EVENT_TOPIC_ARGUMENT = 3;

    /** One consumer group and the topics it reads. */
    public record Subscription(String group, Set<String> topics) {
    }

    public static EventTopology of(Suite suite, Suite.Application application) {
        Map<String, String> constants = new HashMap<>();
        Map<Path, String> sources = new HashMap<>();
        for (Path module : suite.modulesOf(application)) {
            for (Path source : Suite.javaSources(module.resolve("src/main/java"))) {
                String text = Suite.read(source);
                sources.put(source, text);
                for (Matcher constant = CONSTANT.matcher(text); constant.find();) {
                    constants.put(className(source) + "." + constant.group(1), constant.group(2));
                }
            }
        }
        Set<String> produced = new TreeSet<>(asyncApiChannels(application.module()));
        List<Subscription> subscriptions = new ArrayList<>();
        sources.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
            String text = entry.getValue();
            String className = className(entry.getKey());
            for (Matcher call = OUTBOX_EVENT.matcher(text); call.find();) {
                List<String> arguments = arguments(text, call.end());
                if (arguments.size() > OUTBOX_EVENT_TOPIC_ARGUMENT) {
                    produced.add(resolve(arguments.get(OUTBOX_EVENT_TOPIC_ARGUMENT), className, constants, entry.getKey()));
                }
            }
            for (Matcher named = SUBSCRIPTION.matcher(text); named.find();) {
                int end = text.indexOf(".build()", named.end());
                Set<String> topics = new TreeSet<>();
                for (Matcher topic = TOPIC_CALL.matcher(text.substring(named.end(), end < 0 ? text.length() : end)); topic.find();) {
                    topics.add(resolve(topic.group(1), className, constants, entry.getKey()));
                }
                subscriptions.add(new Subscription(application.name() + "." + named.group(1), topics));
            }
        });
        return new EventTopology(application.name(), produced, subscriptions);
    }

    /** Every topic the application reads. */
    public Set<String> consumed() {
        Set<String> consumed = new TreeSet<>();
        subscriptions.forEach(subscription -> consumed.addAll(subscription.topics()));
        return consumed;
    }

    /** The dead-letter topics its consumers park records on (and read back to list and replay them). */
    public Set<String> deadLetterTopics() {
        Set<String> deadLetters = new TreeSet<>();
        consumed().forEach(topic -> deadLetters.add(topic + DEAD_LETTER_SUFFIX));
        return deadLetters;
    }

    private static Set<String> asyncApiChannels(Path module) {
        Path folder = module.resolve("src/main/resources/META-INF/resources/asyncapi");
        Set<String> topics = new TreeSet<>();
        if (Files.isDirectory(folder)) {
            try (Stream<Path> documents = Files.list(folder)) {
                documents.filter(file -> file.toString().endsWith(".yaml")).sorted()
                        .forEach(document -> topics.addAll(AsyncApiDocument.read(document).topics()));
            } catch (IOException e) {
                throw new UncheckedIOException("Could not list " + folder, e);
            }
        }
        return topics;
    }

    /** The arguments of a call whose opening parenthesis ends at {@code from}, split at its own commas. */
    private static List<String> arguments(String text, int from) {
        List<String> arguments = new ArrayList<>();
        int depth = 0;
        boolean inString = false;
        StringBuilder current = new StringBuilder();
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' && text.charAt(i - 1) != '\\') {
                inString = !inString;
            } else if (!inString && (c == '(' || c == '[' || c == '{')) {
                depth++;
            } else if (!inString && (c == ')' || c == ']' || c == '}') && depth > 0) {
                depth--;
            } else if (!inString && c == ')') {
                break;
            } else if (!inString && c == ',' && depth == 0) {
                arguments.add(current.toString().strip());
                current.setLength(0);
                continue;
            }
            current.append(c);
        }
        arguments.add(current.toString().strip());
        return arguments;
    }

    /** A topic argument: a string literal, or a constant of this class, of a named class, or the only one of that name. */
    private static String resolve(String argument, String className, Map<String, String> constants, Path source) {
        String expression = argument.strip();
        if (expression.startsWith("\"") && expression.endsWith("\"")) {
            return expression.substring(1, expression.length() - 1);
        }
        String qualified = expression.contains(".") ? expression : className + "." + expression;
        String simpleName = expression.substring(expression.lastIndexOf('.') + 1);
        String value = constants.get(qualified);
        if (value == null) {
            List<String> candidates = constants.entrySet().stream()
                    .filter(constant -> constant.getKey().endsWith("." + simpleName)).map(Map.Entry::getValue).distinct().toList();
            if (candidates.size() != 1) {
                throw new IllegalStateException("Cannot tell which topic " + expression + " in " + source + " names");
            }
            value = candidates.get(0);
        }
        return value;
    }

    private static String className(Path source) {
        String file = source.getFileName().toString();
        return file.substring(0, file.length() - ".java".length());
    }
}
