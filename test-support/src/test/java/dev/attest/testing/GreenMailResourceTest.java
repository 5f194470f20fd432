package dev.attest.testing;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class GreenMailResourceTest {

    @Test
    void mailSentOverSmtpArrivesInTheMailbox() throws Exception {
        Map<String, String> config = new GreenMailResource().start();
        Properties smtp = new Properties();
        smtp.put("mail.smtp.host", config.get("quarkus.mailer.host"));
        smtp.put("mail.smtp.port", config.get("quarkus.mailer.port"));
        MimeMessage message = new MimeMessage(Session.getInstance(smtp));
        message.setFrom(new InternetAddress("noreply@attest.local"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress("admin@acme.example"));
        message.setSubject("Wallet provisioned");
        message.setText("A wallet was provisioned.");

        Transport.send(message);

        assertThat(GreenMailResource.greenMail().waitForIncomingEmail(10_000, 1))
                .isTrue();
        MimeMessage received = GreenMailResource.greenMail().getReceivedMessages()[0];
        assertThat(received.getSubject()).isEqualTo("Wallet provisioned");
        assertThat(received.getAllRecipients()[0].toString()).isEqualTo("admin@acme.example");
    }
}
