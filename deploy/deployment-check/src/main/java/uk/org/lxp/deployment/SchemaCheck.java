package uk.org.lxp.deployment;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Every rendered resource against its kind's schema, without a cluster. Core kinds are read into fabric8's
 * Kubernetes API model and Strimzi's kinds into Strimzi's own API model; both keep fields they do not know in
 * {@code additionalProperties}, so any left there is a field the API does not have. The CloudNativePG and Keycloak
 * operator kinds, which have no Java model on Maven Central, are checked for the fields their operators require.
 */
public final class SchemaCheck {

    /** The model class of each kind the manifests may hold, by apiVersion and kind. */
    static final Map<String, Class<?>> MODELS = Map.ofEntries(
            Map.entry("v1/Service", io.fabric8.kubernetes.api.model.Service.class),
            Map.entry("v1/ConfigMap", io.fabric8.kubernetes.api.model.ConfigMap.class),
            Map.entry("apps/v1/Deployment", io.fabric8.kubernetes.api.model.apps.Deployment.class),
            Map.entry("policy/v1/PodDisruptionBudget", io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler",
                    io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy.class),
            Map.entry("networking.k8s.io/v1/Ingress", io.fabric8.kubernetes.api.model.networking.v1.Ingress.class),
            Map.entry("kafka.strimzi.io/v1beta2/Kafka", io.strimzi.api.kafka.model.kafka.Kafka.class),
            Map.entry("kafka.strimzi.io/v1beta2/KafkaNodePool", io.strimzi.api.kafka.model.nodepool.KafkaNodePool.class),
            Map.entry("kafka.strimzi.io/v1beta2/KafkaTopic", io.strimzi.api.kafka.model.topic.KafkaTopic.class),
            Map.entry("kafka.strimzi.io/v1beta2/KafkaUser", io.strimzi.api.kafka.model.user.KafkaUser.class));

    /** The fields each operator kind without a model cannot do without, as paths below the resource. */
    static final Map<String, List<String>> REQUIRED_FIELDS = Map.of(
            "postgresql.cnpg.io/v1/Cluster", List.of("spec.instances", "spec.storage.size", "spec.bootstrap.initdb.database",
                    "spec.bootstrap.initdb.owner", "spec.backup.barmanObjectStore.destinationPath", "spec.backup.retentionPolicy"),
            "postgresql.cnpg.io/v1/ScheduledBackup", List.of("spec.schedule", "spec.cluster.name"),
            "k8s.keycloak.org/v2alpha1/Keycloak", List.of("spec.instances", "spec.db.vendor", "spec.db.host",
                    "spec.db.usernameSecret.name", "spec.db.passwordSecret.name", "spec.hostname.hostname"),
            "k8s.keycloak.org/v2alpha1/KeycloakRealmImport", List.of("spec.keycloakCRName", "spec.realm.realm"));

    /** CloudNativePG schedules have six fields, seconds first. */
    private static final Pattern SIX_FIELD_CRON = Pattern.compile("\\S+( \\S+){5}");

    private final ObjectMapper mapper = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    public List<String> check(Manifests manifests) {
        List<String> problems = new ArrayList<>();
        for (Map<String, Object> resource : manifests.resources()) {
            String type = resource.get("apiVersion") + "/" + resource.get("kind");
            String name = type + " " + Yaml.at(resource, "metadata", "name");
            if (MODELS.containsKey(type)) {
                problems.addAll(againstModel(name, resource, MODELS.get(type)));
            } else if (REQUIRED_FIELDS.containsKey(type)) {
                problems.addAll(requiredFields(name, resource, REQUIRED_FIELDS.get(type)));
            } else {
                problems.add(name + ": no schema to check this kind against (add it to " + SchemaCheck.class.getSimpleName() + ")");
            }
        }
        problems.addAll(operatorReferences(manifests));
        return problems;
    }

    private List<String> againstModel(String name, Map<String, Object> resource, Class<?> model) {
        Object parsed;
        try {
            parsed = mapper.convertValue(resource, model);
        } catch (IllegalArgumentException e) {
            return List.of(name + ": " + e.getMessage().lines().findFirst().orElse(""));
        }
        List<String> problems = new ArrayList<>();
        unknownFields(parsed, "", problems, new IdentityHashMap<>());
        return problems.stream().map(field -> name + ": unknown field " + field).toList();
    }

    /** Walks the model object graph and reports every field it kept without knowing it. */
    private static void unknownFields(Object node, String path, List<String> found, Map<Object, Boolean> seen) {
        if (node == null || seen.put(node, Boolean.TRUE) != null) {
            return;
        }
        if (node instanceof Collection<?> collection) {
            int index = 0;
            for (Object element : collection) {
                unknownFields(element, path + "[" + index++ + "]", found, seen);
            }
            return;
        }
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> unknownFields(value, path + "." + key, found, seen));
            return;
        }
        if (!isModel(node.getClass())) {
            return;
        }
        for (Class<?> type = node.getClass(); type != null && isModel(type); type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers())) {
                    continue;
                }
                field.setAccessible(true);
                Object value;
                try {
                    value = field.get(node);
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
                if (field.getName().equals("additionalProperties") && value instanceof Map<?, ?> extra) {
                    extra.keySet().forEach(key -> found.add(path.isEmpty() ? String.valueOf(key) : path.substring(1) + "." + key));
                } else {
                    unknownFields(value, path + "." + field.getName(), found, seen);
                }
            }
        }
    }

    private static boolean isModel(Class<?> type) {
        String name = type.getName();
        // Strimzi's kinds keep their spec in fabric8's CustomResource (io.fabric8.kubernetes.client).
        return name.startsWith("io.fabric8.kubernetes.") || name.startsWith("io.strimzi.api.");
    }

    private static List<String> requiredFields(String name, Map<String, Object> resource, List<String> paths) {
        List<String> problems = new ArrayList<>();
        for (String path : paths) {
            Object value = Yaml.at(resource, path.split("\\."));
            if (value == null || value.toString().isBlank()) {
                problems.add(name + ": required field " + path + " is missing");
            }
        }
        return problems;
    }

    /** What the operator kinds refer to by name must be in the manifests too. */
    private static List<String> operatorReferences(Manifests manifests) {
        List<String> problems = new ArrayList<>();
        for (Map<String, Object> backup : manifests.ofKind("ScheduledBackup")) {
            Object cluster = Yaml.at(backup, "spec", "cluster", "name");
            if (cluster != null && manifests.named("Cluster", cluster.toString()) == null) {
                problems.add("ScheduledBackup " + Yaml.at(backup, "metadata", "name") + " backs up " + cluster + ", which is no Cluster");
            }
            Object schedule = Yaml.at(backup, "spec", "schedule");
            if (schedule != null && !SIX_FIELD_CRON.matcher(schedule.toString()).matches()) {
                problems.add("ScheduledBackup " + Yaml.at(backup, "metadata", "name") + ": schedule " + schedule
                        + " must have six fields, seconds first");
            }
        }
        for (Map<String, Object> realmImport : manifests.ofKind("KeycloakRealmImport")) {
            Object keycloak = Yaml.at(realmImport, "spec", "keycloakCRName");
            if (keycloak != null && manifests.named("Keycloak", keycloak.toString()) == null) {
                problems.add("KeycloakRealmImport " + Yaml.at(realmImport, "metadata", "name") + " names Keycloak " + keycloak
                        + ", which is not in the manifests");
            }
        }
        Set<String> clusters = Set.copyOf(manifests.ofKind("Cluster").stream()
                .map(cluster -> String.valueOf(Yaml.at(cluster, "metadata", "name"))).toList());
        for (String cluster : clusters) {
            boolean backedUp = manifests.ofKind("ScheduledBackup").stream()
                    .anyMatch(backup -> cluster.equals(Yaml.at(backup, "spec", "cluster", "name")));
            if (!backedUp) {
                problems.add("Cluster " + cluster + " has no ScheduledBackup");
            }
        }
        return problems;
    }
}
