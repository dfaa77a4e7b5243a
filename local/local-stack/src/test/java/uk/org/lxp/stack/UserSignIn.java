package uk.org.lxp.stack;

import java.io.IOException;
import java.net.CookieHandler;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A person signing in as Swagger UI does: the authorisation code flow with PKCE on the realm's public Swagger UI
 * client, through Keycloak's own login form. The realm allows no password grant, so a person's token (an lxp-lead's,
 * say) can only be had this way. Keycloak never calls the redirect address; the code is read from its redirect.
 */
final class UserSignIn {

    private static final String CLIENT = "lxp-swagger-ui";
    private static final Pattern LOGIN_FORM = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");
    private static final Pattern CODE = Pattern.compile("[?&]code=([^&]+)");

    private UserSignIn() {
    }

    /**
     * An access token for the user, from the realm at {@code issuer} (e.g. http://127.0.0.1:8180/realms/lxp), signing
     * in to Swagger UI at {@code gateway}, whose redirect address the stack registered with the realm.
     */
    static String accessToken(String issuer, String gateway, String username, String password)
            throws IOException, InterruptedException {
        return accessToken(issuer, CLIENT, gateway + "/q/swagger-ui/oauth2-redirect.html", username, password);
    }

    /** The same through another public client of the realm, such as Keycloak's own account console. */
    static String accessToken(String issuer, String client, String redirect, String username, String password)
            throws IOException, InterruptedException {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new LoopbackCookies())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
        String verifier = randomUrlSafe(32);
        String authorise = issuer + "/protocol/openid-connect/auth?" + form(Map.of("client_id", client,
                "response_type", "code", "scope", "openid", "redirect_uri", redirect, "state", randomUrlSafe(8),
                "code_challenge", challenge(verifier), "code_challenge_method", "S256"));
        HttpResponse<String> loginPage = browser.send(HttpRequest.newBuilder(URI.create(authorise)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher action = LOGIN_FORM.matcher(loginPage.body());
        if (loginPage.statusCode() != 200 || !action.find()) {
            throw new IllegalStateException("No login form from Keycloak: HTTP " + loginPage.statusCode() + " "
                    + loginPage.body().substring(0, Math.min(500, loginPage.body().length())));
        }
        HttpResponse<String> signedIn = browser.send(HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", username, "password", password,
                        "credentialId", ""))))
                .build(), HttpResponse.BodyHandlers.ofString());
        String location = signedIn.headers().firstValue("Location").orElse("");
        Matcher code = CODE.matcher(location);
        if (signedIn.statusCode() != 302 || !location.startsWith(redirect) || !code.find()) {
            throw new IllegalStateException("Keycloak did not sign " + username + " in: HTTP " + signedIn.statusCode()
                    + " to " + location);
        }
        HttpResponse<String> token = browser.send(HttpRequest.newBuilder(
                        URI.create(issuer + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("grant_type", "authorization_code",
                        "client_id", client, "code", code.group(1), "redirect_uri", redirect, "code_verifier", verifier))))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (token.statusCode() != 200) {
            throw new IllegalStateException("Keycloak refused the code: HTTP " + token.statusCode() + " " + token.body());
        }
        return new ObjectMapper().readTree(token.body()).path("access_token").asText();
    }

    /**
     * The cookie jar of one sign-in on the loopback address. Keycloak marks its session cookies Secure (they are
     * SameSite=None); browsers still send them to http://127.0.0.1, which they trust as a secure context, but
     * java.net.CookieManager does not, and Keycloak then refuses the login form with 400.
     */
    private static final class LoopbackCookies extends CookieHandler {

        private final Map<String, String> cookies = new LinkedHashMap<>();

        @Override
        public Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) {
            return cookies.isEmpty() ? Map.of() : Map.of("Cookie", List.of(cookies.entrySet().stream()
                    .map(cookie -> cookie.getKey() + "=" + cookie.getValue()).collect(Collectors.joining("; "))));
        }

        @Override
        public void put(URI uri, Map<String, List<String>> responseHeaders) {
            responseHeaders.forEach((header, values) -> {
                if ("Set-Cookie".equalsIgnoreCase(header)) {
                    values.forEach(this::keep);
                }
            });
        }

        private void keep(String setCookie) {
            String pair = setCookie.split(";", 2)[0];
            int equals = pair.indexOf('=');
            String name = pair.substring(0, equals).strip();
            if (setCookie.toLowerCase(Locale.ROOT).contains("max-age=0")) {
                cookies.remove(name);
            } else {
                cookies.put(name, pair.substring(equals + 1).strip());
            }
        }
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(field -> field.getKey() + "="
                + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    private static String randomUrlSafe(int bytes) {
        byte[] random = new byte[bytes];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    private static String challenge(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
