"""Who the user is and what they may see: roles, rights, accounts. No streamlit in the core modules."""
