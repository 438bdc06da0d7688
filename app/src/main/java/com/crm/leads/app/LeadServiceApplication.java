package com.crm.leads.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

import org.springframework.boot.SpringApplication;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication(scanBasePackages = "com.crm.leads")
@ConfigurationPropertiesScan
public class LeadServiceApplication {

    public static void main(String[] args) throws IOException {
        if (args.length == 1 && args[0].equals("hash-password")) {
            hashPassword();
            return;
        }
        quietAxon();
        SpringApplication.run(LeadServiceApplication.class, args);
    }

    /**
     * {@code java -jar lead-service.jar hash-password} reads a password from standard input and prints its BCrypt
     * hash, the {@code password_hash} a catalogue keeps for a user.
     */
    private static void hashPassword() throws IOException {
        String password = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        if (password == null || password.isEmpty()) {
            System.err.println("hash-password reads the password from standard input");
            System.exit(2);
        }
        System.out.println(new BCryptPasswordEncoder().encode(password));
    }

    /**
     * Axon's update checker would call its vendor's host and its console banner would advertise a product: a
     * service makes no call its user did not ask for. Both read system properties only, so they are set before
     * anything starts; a user who wants them can still set the properties on the command line.
     */
    public static void quietAxon() {
        System.setProperty("axoniq.update-checker.disabled",
                System.getProperty("axoniq.update-checker.disabled", "true"));
        System.setProperty("disable-axoniq-console-message",
                System.getProperty("disable-axoniq-console-message", "true"));
    }
}
