package com.crm.leads.api.catalogue;

/** Contact information: a person or a company that a lead is for. */
public record Contact(String id, String type, String name, String firstName, String middleName, String lastName,
                      String title, String companyName, String companyProfile, String lifeCycleState,
                      Demographics demographics) implements CatalogueEntry {

    public record Demographics(String gender, String idNumber, String idIssuedByCountry, String passportNumber,
                               String passportIssuedByCountry, String socialSecurityNumber, String industry,
                               String industrySector, DateOfBirth dateOfBirth, NameDay nameDay) {
    }

    public record DateOfBirth(Integer day, Integer month, Integer year) {
    }

    public record NameDay(Integer day, Integer month) {
    }
}
