package uk.org.lxp.deployment;

/** The repository's deployments, read and rendered once for every test. */
final class Deployments {

    static final Suite SUITE = Suite.fromWorkingDirectory();
    static final String COMPOSE_TEXT = Suite.read(SUITE.root().resolve("docker-compose.yml"));
    static final ComposeFile COMPOSE = ComposeFile.parse(COMPOSE_TEXT);
    static final Manifests KUBERNETES = Manifests.render(SUITE.root(), Manifests.PRODUCTION);
    static final DriftCheck CHECK = DriftCheck.of(SUITE);

    private Deployments() {
    }
}
