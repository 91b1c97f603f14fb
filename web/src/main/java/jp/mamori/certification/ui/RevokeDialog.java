package jp.mamori.certification.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.TextArea;
import jp.mamori.certification.Certificate;
import jp.mamori.certification.CertificateRefusedException;
import jp.mamori.certification.Certificates;

/** Asks for the reason before a certificate is revoked; without one, nothing happens and the field says why. */
class RevokeDialog extends Dialog {

    private final TextArea reason = new TextArea();

    RevokeDialog(Certificate certificate, Certificates certificates, Runnable onRevoked) {
        setHeaderTitle(getTranslation("certificates.admin.revoke.title"));
        reason.setLabel(getTranslation("certificates.admin.revoke.reason"));
        reason.setRequiredIndicatorVisible(true);
        reason.setMaxLength(500);
        reason.setWidthFull();
        reason.setMinHeight("6rem");
        add(new Paragraph(getTranslation("certificates.admin.revoke.text", certificate.holderName(),
                certificate.examName(getLocale()), certificate.shownCode())), reason);
        setMaxWidth("32rem");
        Button revoke = new Button(getTranslation("certificates.admin.revoke"), e -> {
            try {
                certificates.revoke(certificate.id(), reason.getValue());
                close();
                onRevoked.run();
                Notification done = Notification.show(getTranslation("certificates.admin.revoked", certificate.holderName()),
                        5000, Notification.Position.TOP_CENTER);
                done.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            } catch (CertificateRefusedException refused) {
                reason.setErrorMessage(getTranslation(refused.messageKey()));
                reason.setInvalid(true);
                reason.focus();
            }
        });
        revoke.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        Button cancel = new Button(getTranslation("common.cancel"), e -> close());
        getFooter().add(cancel, revoke);
        addOpenedChangeListener(e -> {
            if (e.isOpened()) {
                reason.focus();
            }
        });
    }
}
