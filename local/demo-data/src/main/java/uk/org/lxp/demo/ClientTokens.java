package uk.org.lxp.demo;

/** Access tokens for the realm's confidential clients (client credentials grant), as an integrating system gets them. */
@FunctionalInterface
public interface ClientTokens {

    String accessToken(String clientId);
}
