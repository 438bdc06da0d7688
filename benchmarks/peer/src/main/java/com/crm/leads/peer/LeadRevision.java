package com.crm.leads.peer;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.envers.DefaultRevisionEntity;
import org.hibernate.envers.RevisionEntity;

/** One committed change, and who made it: the audit trail's counterpart of an event's metadata. */
@Entity
@Table(name = "revinfo")
@RevisionEntity(UsernameRevisionListener.class)
public class LeadRevision extends DefaultRevisionEntity {

    private String username;

    public String getUsername() {
        return username;
    }

    void setUsername(String username) {
        this.username = username;
    }
}
