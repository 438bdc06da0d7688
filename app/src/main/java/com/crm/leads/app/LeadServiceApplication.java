package com.crm.leads.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication(scanBasePackages = "com.crm.leads")
@ConfigurationPropertiesScan
public class LeadServiceApplication {

    public static void main(String[] args) {
        quietAxon();
        SpringApplication.run(LeadServiceApplication.class, args);
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
