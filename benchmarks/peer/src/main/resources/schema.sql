-- Lead numbers come from a sequence of their own, as in the lead service; Hibernate creates only the sequences
-- its entities' ids use.
create sequence if not exists lead_number_seq start with 1000 increment by 1;
