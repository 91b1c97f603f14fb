package jp.mamori.certification.ui;

import com.vaadin.flow.component.html.Span;
import jp.mamori.certification.CertificateStatus;

/** A certificate's status as a coloured badge: green valid, grey expired, red revoked. */
class StatusBadge extends Span {

    StatusBadge(CertificateStatus status) {
        setText(getTranslation(status.labelKey()));
        getElement().getThemeList().add("badge" + switch (status) {
            case VALID -> " success";
            case EXPIRED -> " contrast";
            case REVOKED -> " error";
        });
    }
}
