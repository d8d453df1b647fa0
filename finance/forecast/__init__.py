"""Cash-flow forecasting: daily forecasts of money in and out, and the balance path they imply."""
