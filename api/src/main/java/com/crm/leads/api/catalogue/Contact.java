package com.crm.leads.api.catalogue;

/** Contact information: a person or a company that a lead is for. */
public record Contact(String id, String type, String name, String firstName, String middleName, String lastName,
                      String title, String companyName, String companyProfile, String lifeCycleState,
                      Demographics demographics) implements CatalogueEntry {

    /**
     * Who the contact is. The identity numbers (of an identity card, a passport, social security, with the countries
     * that issued them) and the date of birth identify the person to an authority; only administrators are shown
     * them.
     */
    public record Demographics(String gender, String idNumber, String idIssuedByCountry, String passportNumber,
                               String passportIssuedByCountry, String socialSecurityNumber, String industry,
                               String industrySector, DateOfBirth dateOfBirth, NameDay nameDay) {

        /**
         * These demographics without the identity numbers and the date of birth, whose parts are null as for a
         * date of birth never given; the rest as it is.
         */
        public Demographics withoutIdentity() {
            return new Demographics(gender, null, null, null, null, null, industry, industrySector,
                    dateOfBirth == null ? null : new DateOfBirth(null, null, null), nameDay);
        }
    }

    public record DateOfBirth(Integer day, Integer month, Integer year) {
    }

    public record NameDay(Integer day, Integer month) {
    }
}
