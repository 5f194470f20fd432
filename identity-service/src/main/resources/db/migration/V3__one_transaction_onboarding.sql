-- Identities are now created in one transaction (IdentityOnboarder) instead of five steps. An identity halfway
-- through the old steps cannot be finished by the new code: drain them with the previous version first.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM identities
               WHERE step IN ('ADD_WALLET_KEY', 'ADD_OPERATOR_CLAIM_KEY', 'DROP_OPERATOR_MANAGEMENT_KEY')) THEN
        RAISE EXCEPTION 'identities are halfway through the five-step creation: run the previous identity-service'
            ' until none is left in steps ADD_WALLET_KEY, ADD_OPERATOR_CLAIM_KEY or DROP_OPERATOR_MANAGEMENT_KEY';
    END IF;
END $$;
