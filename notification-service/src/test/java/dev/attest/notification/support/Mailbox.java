package dev.attest.notification.support;

import dev.attest.testing.GreenMailResource;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;

/** What GreenMail received. */
public final class Mailbox {
    private Mailbox() {}

    /** Every mail delivered to {@code address}, oldest first. */
    public static List<MimeMessage> to(String address) {
        return Arrays.stream(GreenMailResource.greenMail().getReceivedMessages())
                .filter(m -> {
                    try {
                        return Arrays.stream(m.getAllRecipients())
                                .anyMatch(r -> r.toString().equals(address));
                    } catch (MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }
}
