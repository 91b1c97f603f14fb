package jp.mamori.shared.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.server.streams.UploadHandler;
import java.io.InputStream;
import java.util.function.Consumer;

/**
 * An upload of one file with translated texts, that reads at most {@code maxBytes + 1} bytes on the server whatever
 * the browser was told, and hands the file to the page inside its UI lock. (A factory, not a subclass: Vaadin's
 * upload tester needs the stock class.)
 */
public final class SingleFileUpload {

    /** A received file: its name, its bytes (one more than the limit when it is too large) and the sender's address. */
    public record Received(String fileName, byte[] bytes, String clientAddress) {
    }

    private SingleFileUpload() {
    }

    public static Upload create(int maxBytes, String label, Consumer<Received> receiver, String... acceptedTypes) {
        Upload upload = new Upload((UploadHandler) event -> {
            byte[] bytes;
            try (InputStream in = event.getInputStream()) {
                bytes = in.readNBytes(maxBytes + 1);
            }
            Received received = new Received(event.getFileName(), bytes, event.getRequest().getRemoteAddr());
            UI ui = event.getUI();
            ui.access(() -> receiver.accept(received));
        });
        upload.setAcceptedFileTypes(acceptedTypes);
        upload.setMaxFileSize(maxBytes);
        upload.setMaxFiles(1);
        upload.getElement().setAttribute("aria-label", label);
        String size = maxBytes >= 1024 * 1024 ? maxBytes / 1024 / 1024 + " MB" : maxBytes / 1024 + " KB";
        upload.setI18n(new UploadI18N()
                .setAddFiles(new UploadI18N.AddFiles().setOne(upload.getTranslation("upload.choose")))
                .setDropFiles(new UploadI18N.DropFiles().setOne(upload.getTranslation("upload.drop")))
                .setError(new UploadI18N.Error()
                        .setFileIsTooBig(upload.getTranslation("upload.too-big", size))
                        .setIncorrectFileType(upload.getTranslation("upload.wrong-type"))
                        .setTooManyFiles(upload.getTranslation("upload.one-file"))));
        return upload;
    }
}
