package jp.mamori.xapi;

import jp.mamori.shared.security.SystemTask;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Forwards pending statements every {@code mamori.xapi.interval} (30 s); ShedLock keeps it to one node at a time. */
@Component
@EnableConfigurationProperties(XapiSettings.class)
class XapiSchedule {

    private final XapiForwarder forwarder;

    XapiSchedule(XapiForwarder forwarder) {
        this.forwarder = forwarder;
    }

    @Scheduled(fixedDelayString = "${mamori.xapi.interval:PT30S}", initialDelayString = "${mamori.xapi.interval:PT30S}")
    @SchedulerLock(name = "xapi-forwarder", lockAtMostFor = "PT10M")
    void run() {
        SystemTask.run(forwarder::forwardPending);
    }
}
