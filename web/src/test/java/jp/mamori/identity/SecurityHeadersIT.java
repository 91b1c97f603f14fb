package jp.mamori.identity;

import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;

import jp.mamori.support.MamoriIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * Responses carry the security headers (written by Spring Security's header filter for every response; the browser
 * journeys run the whole application under this policy); HSTS only over HTTPS, where a browser would honour it.
 */
@MamoriIntegrationTest
class SecurityHeadersIT {

    @Autowired
    WebApplicationContext context;
    MockMvc mvc;

    @BeforeEach
    void mvc() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    @Test
    void responses_of_the_security_filters_carry_the_headers() throws Exception {
        expectHeaders(mvc.perform(login()));
        expectHeaders(mvc.perform(post("/logout").with(csrf())));
    }

    @Test
    void strict_transport_security_is_sent_over_https_only() throws Exception {
        mvc.perform(login().secure(true))
                .andExpect(header().string("Strict-Transport-Security", "max-age=31536000 ; includeSubDomains"));
        mvc.perform(login()).andExpect(header().doesNotExist("Strict-Transport-Security"));
    }

    /** A failed login: answered by Spring Security itself (a redirect), before any Vaadin servlet. */
    private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder login() {
        return post("/login").param("username", "nobody@example.jp").param("password", "wrong").with(csrf());
    }

    private static void expectHeaders(ResultActions response) throws Exception {
        response.andExpect(header().string("Content-Security-Policy", SecurityConfiguration.CONTENT_SECURITY_POLICY))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Referrer-Policy", "strict-origin-when-cross-origin"))
                .andExpect(header().string("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()"));
    }
}
