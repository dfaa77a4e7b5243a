package uk.org.lxp.testing;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;

/**
 * Puts the {@link OpenApiResponseValidator} in front of every rest-assured call of every {@code @QuarkusTest} that
 * has this library on its class path, so that no API test can forget it.
 */
public class ResponseValidationCallback implements QuarkusTestBeforeEachCallback {

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        if (RestAssured.filters().stream().noneMatch(OpenApiResponseValidator.class::isInstance)) {
            RestAssured.filters(new OpenApiResponseValidator(OpenApiResponseValidator.APPLICATION_DOCUMENT));
        }
    }
}
