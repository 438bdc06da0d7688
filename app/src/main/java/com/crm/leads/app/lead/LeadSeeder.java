package com.crm.leads.app.lead;

import com.crm.leads.api.LeadAccess;
import com.crm.leads.api.LeadId;
import com.crm.leads.api.catalogue.Unit;
import com.crm.leads.api.query.LeadLookup;
import com.crm.leads.app.auth.Actor;
import com.crm.leads.app.catalogue.CatalogueFile;
import com.crm.leads.app.catalogue.UserEntry;
import com.crm.leads.app.catalogue.StoredCatalogue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Creates the catalogue's seed leads that do not exist yet, through the same path as {@code leads/create}, so they
 * have events and an audit trail like any other lead. Running it again changes nothing.
 */
@Component
class LeadSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(LeadSeeder.class);

    private final StoredCatalogue catalogue;
    private final LeadService leads;

    LeadSeeder(StoredCatalogue catalogue, LeadService leads) {
        this.catalogue = catalogue;
        this.leads = leads;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        for (CatalogueFile.SeedLead seed : catalogue.seedLeadsImported()) {
            LeadId leadId = new LeadId(seed.id());
            if (leads.findIfPresent(new LeadLookup.ById(leadId), LeadAccess.EVERY_LEAD).isEmpty()) {
                leads.create(new LeadService.Request(seed.create(), actor(seed.username()), null, null), leadId, seed.number());
                log.info("Seeded lead {}", seed.number());
            }
        }
    }

    private Actor actor(String username) {
        UserEntry user = catalogue.userNamed(username)
                .orElseThrow(() -> new IllegalStateException("a seed lead names an unknown user " + username));
        return Actor.of(catalogue, user, catalogue.find(Unit.class, user.defaultUnitId()).orElseThrow());
    }
}
