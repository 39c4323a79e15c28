"""Data contracts, errors, ids and text helpers shared by every stage; imports only the standard library."""
