package com.crm.leads.peer;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import java.time.Instant;

/** An issued token, known only by its SHA-256, so a copy of the database gives no one a usable token. */
@Entity
public class AccessToken {

    @Id
    @Column(length = 64)
    private String tokenHash;

    @Column(nullable = false)
    private String username;

    @Column(nullable = false)
    private Instant expiresAt;

    protected AccessToken() {
        // for JPA
    }

    AccessToken(String tokenHash, String username, Instant expiresAt) {
        this.tokenHash = tokenHash;
        this.username = username;
        this.expiresAt = expiresAt;
    }

    String getUsername() {
        return username;
    }
}
