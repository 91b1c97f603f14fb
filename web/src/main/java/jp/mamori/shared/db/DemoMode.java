package jp.mamori.shared.db;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Whether demo data may be written: only on the embedded database, and only while {@code mamori.demo-data} is on
 * (the default). Demo data must never reach a real server.
 */
@Component
public class DemoMode {

    private final boolean active;

    DemoMode(ObjectProvider<EmbeddedDatabase> embedded, @Value("${mamori.demo-data:true}") boolean enabled) {
        this.active = enabled && embedded.getIfAvailable() != null;
    }

    public boolean active() {
        return active;
    }
}
