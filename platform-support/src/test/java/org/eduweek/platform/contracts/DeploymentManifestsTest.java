package org.eduweek.platform.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The production deployments ({@code deploy/compose/docker-compose.yml}, {@code deploy/k8s/*.yaml}) read as an
 * operator would get them: no {@code local} profile and nothing of the embedded stack; every secret from the
 * environment ({@code ${VAR:?message}}, so compose stops naming it) or a Kubernetes Secret; only variables the
 * contract ({@code docs/CONTRACTS.md}) names; each service's management port where its configuration puts it, with
 * Prometheus pointed at it and the probes on the public port; every variable and Secret key documented in the
 * deployment's README.
 */
class DeploymentManifestsTest {

    static final List<String> SERVICES = List.of("gateway", "schedule-service", "registration-service",
            "notification-service", "analytics-service");
    /** Names a secret hides behind: such a variable's value never appears in a manifest. */
    static final Pattern SECRET_NAME = Pattern.compile(".*(PASSWORD|SECRET|TOKEN|CREDENTIAL|PRIVATE).*");
    /** A compose reference {@code ${NAME...}}: its name and what follows it up to the closing brace. */
    static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)([^}]*)}");
    /** Read by the JVM itself, not by eduweek. */
    static final Set<String> JVM_VARIABLES = Set.of("JAVA_TOOL_OPTIONS");

    private static Path root;
    private static String contracts;

    @BeforeAll
    static void read() throws IOException {
        root = RepositoryRoot.find();
        contracts = Files.readString(root.resolve("docs/CONTRACTS.md"));
    }

    // ---- Docker Compose ---------------------------------------------------------------------------------------

    @Test
    void composeRunsEveryServiceOnAProductionProfileWithoutTheEmbeddedStack() throws IOException {
        String text = Files.readString(compose());
        Map<String, Map<String, Object>> services = composeServices();
        assertThat(services.keySet()).containsAll(SERVICES).doesNotContain("devstack");
        assertThat(text).doesNotContain("eduweek-local.jar").doesNotContain("STACK_URL").doesNotContain("/api/dev");
        for (String service : SERVICES) {
            Map<String, String> env = environment(services.get(service));
            assertThat(env.get("SPRING_PROFILES_ACTIVE")).as(service + " profile").isNotBlank();
            assertThat(profiles(env.get("SPRING_PROFILES_ACTIVE"))).as(service + " profiles").doesNotContain("local");
        }
        services.forEach((name, service) -> assertThat(profiles(environment(service).get("SPRING_PROFILES_ACTIVE")))
                .as(name).doesNotContain("local"));
        assertThat((String) services.get("kafka").get("image")).startsWith("apache/kafka:");
        assertThat((String) services.get("mongo").get("image")).startsWith("mongo:");
    }

    @Test
    void composeTakesEverySecretFromTheEnvironmentAndStopsWithAMessageWhenOneIsUnset() throws IOException {
        String text = Files.readString(compose());
        Matcher reference = REFERENCE.matcher(text);
        Set<String> secrets = new TreeSet<>();
        while (reference.find()) {
            if (SECRET_NAME.matcher(reference.group(1)).matches()) {
                secrets.add(reference.group(1));
                assertThat(reference.group(2)).as("${" + reference.group(1) + "...} must be ${VAR:?set VAR to ...}")
                        .startsWith(":?set " + reference.group(1) + " to ");
            }
        }
        assertThat(secrets).contains("OIDC_CLIENT_SECRET", "EDUWEEK_QR_SECRET", "ANALYTICS_PSEUDONYM_SECRET",
                "SMTP_PASSWORD", "SMS_PROVIDER_TOKEN", "MONGO_PASSWORD", "KEYCLOAK_ADMIN_PASSWORD",
                "KEYCLOAK_DB_PASSWORD");
        // no literal secret: a secret-looking variable's value is a reference, and so is any credential in a URI
        composeServices().forEach((name, service) -> environment(service).forEach((key, value) -> {
            if (SECRET_NAME.matcher(key).matches()) {
                assertThat(value).as(name + " " + key).matches("\\$\\{[A-Z0-9_]+:\\?[^}]+}");
            }
            if (value.matches("[a-z]+://[^/@]*:[^/@]*@.*")) {
                assertThat(value).as(name + " " + key + " credentials").contains("${MONGO_PASSWORD:?");
            }
        }));
    }

    @Test
    void composeServicesTrustOnlyTheKeycloakRealmWhichImportsTheRealmExport() {
        Map<String, Map<String, Object>> services = composeServices();
        Map<String, Object> keycloak = services.get("keycloak");
        assertThat((String) keycloak.get("image")).startsWith("quay.io/keycloak/keycloak:");
        assertThat(strings(keycloak.get("command"))).contains("start", "--import-realm").doesNotContain("start-dev");
        assertThat(strings(keycloak.get("volumes"))).anyMatch(v -> v.startsWith("../keycloak/eduweek-realm.json:"
                + "/opt/keycloak/data/import/"));
        String issuer = environment(services.get("gateway")).get("OIDC_ISSUER_URI");
        assertThat(issuer).endsWith("/realms/eduweek");
        for (String service : SERVICES) {
            Map<String, String> env = environment(services.get(service));
            assertThat(env.get("JWT_ISSUER")).as(service).isEqualTo(issuer);
            assertThat(env.get("JWT_JWK_SET_URI")).as(service)
                    .isEqualTo("http://keycloak:8080/realms/eduweek/protocol/openid-connect/certs");
            assertThat(env.get("JWT_AUDIENCE")).as(service).isEqualTo("eduweek");
        }
        Map<String, String> gateway = environment(services.get("gateway"));
        assertThat(gateway).containsKeys("OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET", "PORTAL_ORIGINS");
        assertThat(environment(keycloak)).containsKey("OIDC_CLIENT_SECRET");
        Map<String, String> notification = environment(services.get("notification-service"));
        assertThat(notification).containsKeys("SMTP_HOST", "SMTP_PORT", "SMTP_USERNAME", "SMTP_PASSWORD",
                "SMS_PROVIDER", "SMS_PROVIDER_URL", "SMS_PROVIDER_TOKEN");
    }

    @Test
    void composeServicesHaveTheirManagementPortInsideTheNetworkAndProbeThePublicOne() throws IOException {
        Map<String, Map<String, Object>> services = composeServices();
        for (String service : SERVICES) {
            Map<String, Object> definition = services.get(service);
            Map<String, String> env = environment(definition);
            int management = Integer.parseInt(env.get("MANAGEMENT_PORT"));
            assertThat(management).as(service).isEqualTo(defaultManagementPort(service))
                    .isNotEqualTo(Integer.parseInt(env.get("SERVER_PORT")));
            assertThat(env.get("MANAGEMENT_ADDRESS")).as(service).isEqualTo("0.0.0.0");
            assertThat(strings(definition.get("ports"))).as(service + " published ports")
                    .noneMatch(p -> p.endsWith(":" + management) || p.equals(String.valueOf(management)));
            @SuppressWarnings("unchecked")
            Map<String, Object> health = (Map<String, Object>) definition.get("healthcheck");
            assertThat(String.join(" ", strings(health.get("test")))).as(service + " healthcheck")
                    .contains("$${SERVER_PORT}").contains("GET /readyz");
        }
    }

    @Test
    void composeUsesOnlyContractVariablesAndItsReadmeNamesEveryVariableToSet() throws IOException {
        Map<String, Map<String, Object>> services = composeServices();
        for (String service : SERVICES) {
            assertThat(environment(services.get(service)).keySet()).as(service)
                    .allSatisfy(DeploymentManifestsTest::assertInContracts);
        }
        String readme = Files.readString(root.resolve("deploy/compose/README.md"));
        Matcher reference = REFERENCE.matcher(Files.readString(compose()));
        while (reference.find()) {
            if (!reference.group(1).equals("SERVER_PORT")) {
                assertThat(readme).as("deploy/compose/README.md names " + reference.group(1))
                        .contains("`" + reference.group(1) + "`");
            }
        }
    }

    // ---- Kubernetes -------------------------------------------------------------------------------------------

    @Test
    void kubernetesRunsTheProductionProfileAndKeepsSecretsInSecrets() throws IOException {
        Map<String, Object> config = configMapData();
        assertThat(profiles((String) config.get("SPRING_PROFILES_ACTIVE"))).isNotEmpty().doesNotContain("local");
        assertThat(config.keySet()).noneMatch(key -> SECRET_NAME.matcher(key).matches()).doesNotContain("MONGODB_URI");
        assertThat(config.values()).allSatisfy(v -> assertThat(String.valueOf(v))
                .doesNotContainPattern("[a-z]+://[^/@\\s]*:[^/@\\s]*@"));
        for (Path file : k8sFiles()) {
            assertThat(Files.readString(file)).as(file.toString())
                    .doesNotContainPattern("SPRING_PROFILES_ACTIVE[^\\n]*local").doesNotContain("/api/dev")
                    .doesNotContain("STACK_URL");
        }
        for (String service : SERVICES) {
            for (Map<String, Object> entry : containerEnv(service)) {
                String name = (String) entry.get("name");
                if (SECRET_NAME.matcher(name).matches() || name.equals("MONGODB_URI") || name.endsWith("_USERNAME")) {
                    assertThat(entry).as(service + " " + name).doesNotContainKey("value");
                    assertThat(secretKeyRef(entry)).as(service + " " + name + " from a Secret").isNotNull();
                }
                if (name.equals("SPRING_PROFILES_ACTIVE")) {
                    assertThat(profiles((String) entry.get("value"))).doesNotContain("local");
                }
            }
        }
    }

    @Test
    void kubernetesServicesTrustTheRealmAndGetTheirSecrets() throws IOException {
        Map<String, Object> config = configMapData();
        assertThat((String) config.get("JWT_ISSUER")).endsWith("/realms/eduweek")
                .isEqualTo(config.get("OIDC_ISSUER_URI"));
        assertThat((String) config.get("JWT_JWK_SET_URI")).isEqualTo(config.get("JWT_ISSUER")
                + "/protocol/openid-connect/certs");
        assertThat(secretEnv("gateway")).containsKey("OIDC_CLIENT_SECRET");
        assertThat(secretEnv("registration-service")).containsKey("EDUWEEK_QR_SECRET");
        assertThat(secretEnv("analytics-service")).containsKey("ANALYTICS_PSEUDONYM_SECRET");
        assertThat(secretEnv("notification-service")).containsKeys("SMTP_USERNAME", "SMTP_PASSWORD",
                "SMS_PROVIDER_TOKEN");
        String readme = Files.readString(root.resolve("deploy/k8s/README.md"));
        for (String service : SERVICES) {
            secretEnv(service).forEach((variable, ref) -> assertThat(readme)
                    .as("deploy/k8s/README.md names the key " + ref.get("key") + " of " + ref.get("name"))
                    .contains(String.valueOf(ref.get("name"))).contains(String.valueOf(ref.get("key"))));
        }
    }

    @Test
    void kubernetesUsesOnlyContractVariables() throws IOException {
        assertThat(configMapData().keySet()).allSatisfy(DeploymentManifestsTest::assertInContracts);
        for (String service : SERVICES) {
            assertThat(containerEnv(service)).extracting(e -> (String) e.get("name")).as(service)
                    .allSatisfy(DeploymentManifestsTest::assertInContracts);
        }
    }

    @Test
    void kubernetesScrapesTheManagementPortAndProbesThePublicOne() throws IOException {
        for (String service : SERVICES) {
            Map<String, Object> deployment = deployment(service);
            Map<String, Object> template = map(map(deployment, "spec"), "template");
            Map<String, Object> container = container(service);
            Map<String, Integer> ports = new LinkedHashMap<>();
            for (Object port : (List<?>) container.get("ports")) {
                Map<?, ?> p = (Map<?, ?>) port;
                ports.put((String) p.get("name"), (Integer) p.get("containerPort"));
            }
            Map<String, String> env = new LinkedHashMap<>();
            containerEnv(service).forEach(e -> env.put((String) e.get("name"), String.valueOf(e.get("value"))));
            int management = defaultManagementPort(service);
            assertThat(ports).as(service).containsEntry("management", management)
                    .containsEntry("http", Integer.parseInt(env.get("SERVER_PORT")));
            assertThat(env.get("MANAGEMENT_PORT")).as(service).isEqualTo(String.valueOf(management));
            Map<String, Object> annotations = map(map(template, "metadata"), "annotations");
            assertThat(annotations).as(service).containsEntry("prometheus.io/scrape", "true")
                    .containsEntry("prometheus.io/port", String.valueOf(management))
                    .containsEntry("prometheus.io/path", "/actuator/prometheus");
            assertThat(probe(container, "startupProbe")).as(service).containsEntry("path", "/livez")
                    .containsEntry("port", "http");
            assertThat(probe(container, "livenessProbe")).as(service).containsEntry("path", "/livez")
                    .containsEntry("port", "http");
            assertThat(probe(container, "readinessProbe")).as(service).containsEntry("path", "/readyz")
                    .containsEntry("port", "http");
            for (Object port : (List<?>) map(kubernetesObject("Service", service), "spec").get("ports")) {
                assertThat(((Map<?, ?>) port).get("targetPort")).as(service + " Service").isEqualTo("http");
            }
        }
        assertThat(configMapData()).containsEntry("MANAGEMENT_ADDRESS", "0.0.0.0");
    }

    // ---- reading ----------------------------------------------------------------------------------------------

    private static Path compose() {
        return root.resolve("deploy/compose/docker-compose.yml");
    }

    private static List<Path> k8sFiles() throws IOException {
        try (Stream<Path> files = Files.list(root.resolve("deploy/k8s"))) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    /** SnakeYAML resolves compose's anchors and {@code <<} merge keys. */
    private static Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(200);
        return new Yaml(options);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> composeServices() {
        try (Reader reader = Files.newBufferedReader(compose())) {
            Map<String, Object> document = yaml().load(reader);
            return (Map<String, Map<String, Object>>) document.get("services");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> environment(Map<String, Object> service) {
        Map<String, String> env = new LinkedHashMap<>();
        Object raw = service.get("environment");
        if (raw instanceof Map<?, ?> map) {
            map.forEach((k, v) -> env.put(String.valueOf(k), v == null ? "" : String.valueOf(v)));
        }
        return env;
    }

    private static List<String> strings(Object list) {
        List<String> out = new ArrayList<>();
        if (list instanceof List<?> items) {
            items.forEach(i -> out.add(String.valueOf(i)));
        }
        return out;
    }

    private static Set<String> profiles(String value) {
        Set<String> out = new LinkedHashSet<>();
        if (value != null) {
            for (String p : value.split(",")) {
                if (!p.isBlank()) {
                    out.add(p.trim());
                }
            }
        }
        return out;
    }

    private static List<Map<String, Object>> kubernetesObjects() throws IOException {
        List<Map<String, Object>> objects = new ArrayList<>();
        for (Path file : k8sFiles()) {
            try (Reader reader = Files.newBufferedReader(file)) {
                for (Object document : yaml().loadAll(reader)) {
                    if (document instanceof Map<?, ?>) {
                        @SuppressWarnings("unchecked")
                        Map<String, Object> object = (Map<String, Object>) document;
                        objects.add(object);
                    }
                }
            }
        }
        return objects;
    }

    private static Map<String, Object> kubernetesObject(String kind, String name) throws IOException {
        return kubernetesObjects().stream().filter(o -> kind.equals(o.get("kind")))
                .filter(o -> name.equals(map(o, "metadata").get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in deploy/k8s"));
    }

    private static Map<String, Object> configMapData() throws IOException {
        return map(kubernetesObject("ConfigMap", "eduweek-config"), "data");
    }

    private static Map<String, Object> deployment(String name) throws IOException {
        return kubernetesObject("Deployment", name);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> container(String service) throws IOException {
        List<Object> containers = (List<Object>) map(map(map(deployment(service), "spec"), "template"), "spec")
                .get("containers");
        return (Map<String, Object>) containers.stream().filter(c -> service.equals(((Map<?, ?>) c).get("name")))
                .findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> containerEnv(String service) throws IOException {
        Object env = container(service).get("env");
        return env == null ? List.of() : (List<Map<String, Object>>) env;
    }

    private static Map<?, ?> secretKeyRef(Map<String, Object> entry) {
        Object from = entry.get("valueFrom");
        return from instanceof Map<?, ?> f && f.get("secretKeyRef") instanceof Map<?, ?> ref ? ref : null;
    }

    private static Map<String, Map<?, ?>> secretEnv(String service) throws IOException {
        Map<String, Map<?, ?>> out = new LinkedHashMap<>();
        for (Map<String, Object> entry : containerEnv(service)) {
            Map<?, ?> ref = secretKeyRef(entry);
            if (ref != null) {
                out.put((String) entry.get("name"), ref);
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> probe(Map<String, Object> container, String kind) {
        return (Map<String, Object>) map(container, kind).get("httpGet");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<?, ?> parent, String key) {
        Object child = parent.get(key);
        assertThat(child).as(key).isInstanceOf(Map.class);
        return (Map<String, Object>) child;
    }

    /** The default of {@code management.server.port} in the module's own application.yml. */
    private static int defaultManagementPort(String module) {
        try {
            String yml = Files.readString(root.resolve(module).resolve("src/main/resources/application.yml"));
            Matcher m = Pattern.compile("\\$\\{MANAGEMENT_PORT:(\\d+)}").matcher(yml);
            assertThat(m.find()).as(module + " reads MANAGEMENT_PORT with a default").isTrue();
            return Integer.parseInt(m.group(1));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertInContracts(String variable) {
        if (!JVM_VARIABLES.contains(variable)) {
            assertThat(contracts).as("docs/CONTRACTS.md names `" + variable + "`").contains("`" + variable + "`");
        }
    }
}
