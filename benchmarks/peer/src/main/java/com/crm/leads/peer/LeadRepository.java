package com.crm.leads.peer;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

import java.util.Optional;

interface LeadRepository extends JpaRepository<Lead, Long> {

    /** The lead, its row locked until the transaction ends: concurrent updates of one lead queue here. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    Optional<Lead> findForUpdateByNumber(String number);

    @Query(value = "select nextval('lead_number_seq')", nativeQuery = true)
    long nextNumber();
}
