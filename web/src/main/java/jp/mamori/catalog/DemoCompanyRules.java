package jp.mamori.catalog;

import jp.mamori.content.Templates;
import jp.mamori.shared.db.DemoMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Demo mode only: publishes the rules template's sample values as the demo company's rules, version 1. */
@Component
@Order(11)
class DemoCompanyRules implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoCompanyRules.class);

    private final DemoMode demo;
    private final CompanyRules rules;
    private final JdbcClient jdbc;

    DemoCompanyRules(DemoMode demo, CompanyRules rules, JdbcClient jdbc) {
        this.demo = demo;
        this.rules = rules;
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (demo.active() && jdbc.sql("SELECT COUNT(*) FROM company_rules_version").query(Long.class).single() == 0) {
            rules.publishAs(Templates.samples(rules.template()), true, "demo");
            log.info("Demo mode: published the sample company rules as version 1");
        }
    }
}
