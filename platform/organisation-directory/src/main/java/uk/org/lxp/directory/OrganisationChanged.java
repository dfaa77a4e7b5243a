package uk.org.lxp.directory;

/**
 * Fired in the consumer's transaction when the directory takes a newer version of an organisation, for services
 * whose own figures depend on organisations (e.g. to re-evaluate findings by ICB).
 */
public record OrganisationChanged(String odsCode) {
}
