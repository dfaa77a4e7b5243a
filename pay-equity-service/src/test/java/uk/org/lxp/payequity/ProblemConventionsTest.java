package uk.org.lxp.payequity;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import uk.org.lxp.testing.LxpTestInfrastructure;
import uk.org.lxp.testing.OidcTestServer;
import uk.org.lxp.testing.ProblemConventionsContract;

@QuarkusTest
@WithTestResource(LxpTestInfrastructure.class)
class ProblemConventionsTest extends ProblemConventionsContract {

    @Override
    protected String listPath() {
        return "/api/v1/parity-findings";
    }

    @Override
    protected String itemPath(String id) {
        return "/api/v1/parity-findings/" + id;
    }

    @Override
    protected String bodyMethod() {
        return "POST";
    }

    @Override
    protected String bodyPath() {
        return "/api/v1/pay-records/bulk";
    }

    @Override
    protected String tokenWithoutTheRole() {
        return OidcTestServer.shared().token().roles("practitioner").organisations("RGD").staffReference("E-1").signed();
    }
}
