package jp.mamori.shared.ui;

import com.vaadin.flow.server.VaadinRequest;

/** The address the current request came from, as the servlet container sees it (behind a proxy: see README). */
public final class ClientAddress {

    private ClientAddress() {
    }

    public static String current() {
        VaadinRequest request = VaadinRequest.getCurrent();
        return request == null ? null : request.getRemoteAddr();
    }
}
