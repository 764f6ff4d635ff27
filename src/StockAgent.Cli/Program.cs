using StockAgent.Cli;

return CliApp.Run(args);
