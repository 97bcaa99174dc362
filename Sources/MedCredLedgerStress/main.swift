print("medcred-ledger-stress: not yet implemented")
