-- A history entry names what it changed by its domain key (a field's, a set's or a part's constant), no longer by
-- the API's name for it: the API's names are the application's to translate, both ways.
UPDATE lead_history_entry SET field = CASE field
    WHEN 'competitors_set' THEN 'COMPETITORS'
    WHEN 'users_set' THEN 'USERS'
    WHEN 'products_set' THEN 'PRODUCTS'
    ELSE UPPER(field)
END;
