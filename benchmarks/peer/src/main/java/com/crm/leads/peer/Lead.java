package com.crm.leads.peer;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.UpdateTimestamp;
import org.hibernate.envers.Audited;

import java.time.Instant;

/** A lead, one row updated in place; Envers writes each committed state to {@code lead_aud}. */
@Entity
@Audited
public class Lead {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE)
    private Long id;

    @Column(nullable = false, unique = true, updatable = false, length = 32)
    private String number;

    private String contactName;
    private String type;
    private String status;
    private String importance;
    private Integer priority;
    private String title;
    @Column(length = 4000)
    private String description;
    @Column(name = "udf_string_1")
    private String udfString1;
    @Column(name = "udf_string_2")
    private String udfString2;
    @Column(name = "udf_string_3")
    private String udfString3;
    @Column(name = "udf_string_4")
    private String udfString4;

    @CreationTimestamp
    private Instant created;
    @UpdateTimestamp
    private Instant modified;

    @Version
    private long version;

    protected Lead() {
        // for JPA
    }

    public Lead(String number) {
        this.number = number;
    }

    public Long getId() {
        return id;
    }

    public String getNumber() {
        return number;
    }

    public long getVersion() {
        return version;
    }

    public String getContactName() {
        return contactName;
    }

    public void setContactName(String contactName) {
        this.contactName = contactName;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getImportance() {
        return importance;
    }

    public void setImportance(String importance) {
        this.importance = importance;
    }

    public Integer getPriority() {
        return priority;
    }

    public void setPriority(Integer priority) {
        this.priority = priority;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getUdfString1() {
        return udfString1;
    }

    public void setUdfString1(String udfString1) {
        this.udfString1 = udfString1;
    }

    public String getUdfString2() {
        return udfString2;
    }

    public void setUdfString2(String udfString2) {
        this.udfString2 = udfString2;
    }

    public String getUdfString3() {
        return udfString3;
    }

    public void setUdfString3(String udfString3) {
        this.udfString3 = udfString3;
    }

    public String getUdfString4() {
        return udfString4;
    }

    public void setUdfString4(String udfString4) {
        this.udfString4 = udfString4;
    }

    public Instant getCreated() {
        return created;
    }

    public Instant getModified() {
        return modified;
    }
}
