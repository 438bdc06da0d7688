package com.crm.leads.app.announcements;

import com.crm.leads.api.event.StatusChanged;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Tells the team when a lead is won or lost: today a line in the log, the place where a mail or a chat message
 * would go. An announcement is a side effect, so a replay of the events must not make it again.
 */
@Component
@ProcessingGroup(StatusAnnouncements.GROUP)
public class StatusAnnouncements {

    public static final String GROUP = "status-announcements";

    private static final Logger log = LoggerFactory.getLogger(StatusAnnouncements.class);

    @EventHandler
    @DisallowReplay
    void on(StatusChanged changed) {
        if (changed.to().classification().isClosed()) {
            log.info("Lead {} is {}: moved from {} to {}", changed.leadId(), changed.to().classification(),
                    changed.from().name(), changed.to().name());
        }
    }
}
