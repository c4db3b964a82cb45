using MlIntro.Training.Runtime;
using MlIntro.Web.Cluster;
using MlIntro.Web.Components;
using MlIntro.Web.Hosting;
using MlIntro.Web.Hubs;
using MlIntro.Web.Store;
using MudBlazor.Services;

if (!TorchStartupCheck.Passes())
{
    return 1;
}

var builder = WebApplication.CreateBuilder(args);
// Package static assets (plotly.js, MudBlazor) are only mapped in Development unless asked for.
builder.WebHost.UseStaticWebAssets();

builder.AddPersistentKeys();
builder.AddExperimentStore();
builder.AddTraining();
builder.AddCluster();
builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddMudServices();
builder.AddTrainingHub();
builder.AddRateLimits();
builder.AddWebSecurity();

var app = builder.Build();
if (!await StoreStartupCheck.PassesAsync(app.Services))
{
    return StoreStartupCheck.ExitCode;
}

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
}
app.UseWebSecurity();
app.UseLiveConnectionShutdown();
app.UseRateLimits();
app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseAntiforgery();
app.UseClientIdentity();

app.MapCachedStaticAssets();
app.MapHealthChecks("/health");
// A worker-only process answers /health and trains; browsers and hub clients go to front ends.
if (app.Configuration.GetSection(SiloRoles.Section).Get<SiloRoles>() is not { IsFront: false })
{
    app.MapHub<TrainingHub>(TrainingHub.Path);
    app.MapRunExport();
    app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
}

app.Lifetime.ApplicationStarted.Register(() =>
    Console.WriteLine($"MlIntro is running: open {string.Join(" or ", app.Urls)} in a browser (Ctrl+C stops it)."));

await app.RunAsync();
return 0;

/// <summary>Lets tests reach the app's entry point through WebApplicationFactory.</summary>
public partial class Program;
