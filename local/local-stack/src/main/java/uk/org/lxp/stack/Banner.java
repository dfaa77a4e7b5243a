package uk.org.lxp.stack;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import uk.org.lxp.stack.StackSettings.Port;

/** What a person needs once the stack is up: where to click, who to log in as, one call to try, where events are. */
final class Banner {

    private static final String EXAMPLE_CLIENT = "hr-rgd";

    private Banner() {
    }

    static void print(PrintStream out, StackSettings settings, RealmFile realm) {
        String gateway = settings.url(Port.GATEWAY);
        String tokenEndpoint = settings.issuer() + "/protocol/openid-connect/token";
        out.println();
        out.println("  Swagger UI   " + gateway + "/q/swagger-ui   (Authorize: client lxp-swagger-ui, then a demo login)");
        out.println("  API          " + gateway + "/api/v1/...    documents: " + gateway + "/openapi, events: "
                + gateway + "/asyncapi.html");
        out.println("  Keycloak     " + settings.url(Port.KEYCLOAK) + "   (realm lxp; admin password in "
                + settings.data().resolve("credentials.properties") + ")");
        out.println();
        out.println("  Demo logins for Swagger UI:");
        for (RealmFile.User user : realm.users()) {
            List<String> scope = new ArrayList<>(user.roles());
            user.organisations().forEach(organisation -> scope.add("organisation " + organisation));
            user.icbs().forEach(icb -> scope.add("ICB " + icb));
            out.printf("    %-24s password %-28s %s%n", user.username(), realm.password(user.username()).orElse("?"),
                    String.join(", ", scope));
        }
        out.println("  API clients (client credentials; demo secrets in deploy/keycloak/lxp-realm.json):");
        out.println("    " + String.join(" ", realm.confidentialClients().stream().map(RealmFile.Client::clientId).toList()));
        out.println();
        realm.client(EXAMPLE_CLIENT).ifPresent(client -> {
            out.println("  Call the API as " + client.name() + ":");
            out.println("    curl -s -H \"Authorization: Bearer $(curl -s -u " + client.clientId() + ":" + client.secret()
                    + " -d grant_type=client_credentials " + tokenEndpoint
                    + " | sed -E 's/.*\"access_token\":\"([^\"]+)\".*/\\1/')\" \"" + gateway
                    + "/api/v1/posts?organisation=RGD&size=3\"");
        });
        out.println("  A token for any client:  ./lxp token " + EXAMPLE_CLIENT);
        out.println("  Watch the events:        ./lxp events   (--from-beginning for everything so far)");
        out.println("  Logs:                    " + settings.logs());
        out.println();
        out.flush();
    }
}
