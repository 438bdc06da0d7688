package com.crm.leads.peer;

import org.springframework.data.jpa.repository.JpaRepository;

import java.time.Instant;
import java.util.Optional;

interface AccessTokenRepository extends JpaRepository<AccessToken, String> {

    Optional<AccessToken> findByTokenHashAndExpiresAtAfter(String tokenHash, Instant now);
}
