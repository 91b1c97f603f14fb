package jp.mamori.support;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/** Logs the test's user out after every test method, so no test inherits another's login. */
public class ClearSecurityContext implements TestExecutionListener {

    @Override
    public void afterTestMethod(TestContext testContext) {
        SecurityContextHolder.clearContext();
    }
}
