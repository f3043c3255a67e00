// Placeholder until souk-gen's command lands.
