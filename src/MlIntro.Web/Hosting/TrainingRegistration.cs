using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using MlIntro.Core.Data;
using MlIntro.Core.Experiments;
using MlIntro.Training;
using MlIntro.Training.Runs;
using MlIntro.Training.Runtime;
using MlIntro.Training.Scheduling;

namespace MlIntro.Web.Hosting;

public static class TrainingRegistration
{
    /// <summary>The training service, its scheduler and recorder, limits and the data catalog.</summary>
    public static IHostApplicationBuilder AddTraining(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<TrainingOptions>().BindConfiguration("Training")
            .Validate(o => o.MaxConcurrentRuns > 0 && o.MaxQueuedRuns >= 0 && o.MaxRunsPerOwner > 0, "Training limits must be positive.")
            .Validate(o => o.MaxConcurrentHeavyRuns >= 0 && o.MaxRunsPerAddress > 0, "Training:MaxConcurrentHeavyRuns must be 0 (auto) or more, Training:MaxRunsPerAddress positive.")
            .Validate(o => o.OrphanedRunLifetime > TimeSpan.Zero && o.MaxRunDuration > TimeSpan.Zero, "Training:OrphanedRunLifetime and Training:MaxRunDuration must be positive.")
            .Validate(o => o.StackedMaxEpochCost > 0, "Training:StackedMaxEpochCost must be positive.")
            .ValidateOnStart();
        services.AddOptions<ExperimentLimits>().BindConfiguration("Limits").ValidateOnStart();
        services.AddOptions<DataOptions>().BindConfiguration("Data");
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<ExperimentLimits>>().Value);
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<TrainingOptions>>().Value);
        services.AddSingleton(TimeProvider.System);
        services.AddDatasetCatalog();
        services.AddSingleton<ExperimentValidator>();
        services.AddSingleton(sp => TorchRuntime.ResolveDevice(sp.GetRequiredService<IOptions<TrainingOptions>>().Value.Device));
        services.AddSingleton<NetworkRunExecutor>();
        services.AddSingleton<NetworkRaceExecutor>().AddSingleton<SurfaceRaceExecutor>();
        services.AddSingleton<MlIntro.Training.Batching.StackedRunExecutor>();
        services.AddSingleton<MlIntro.Training.Likelihood.LikelihoodRunExecutor>();
        services.AddSingleton<MlIntro.Training.Overfitting.LadderExecutor>();
        services.AddSingleton<MlIntro.Training.Tuning.StudyExecutor>();
        services.AddSingleton<MlIntro.Training.Trees.BoostedTreesExecutor>();
        services.AddSingleton<RunExecutorSelector>();
        services.AddSingleton<Func<ExperimentRun, IRunExecutor>>(sp => sp.GetRequiredService<RunExecutorSelector>().For);
        services.AddSingleton<Func<ExperimentRun, RunWeight>>(sp =>
        {
            var maxEpochCost = sp.GetRequiredService<IOptions<TrainingOptions>>().Value.StackedMaxEpochCost;
            return run => RunExecutorSelector.WeightOf(run, maxEpochCost);
        });
        services.AddSingleton<DeviceScheduler>();
        services.AddSingleton<OwnerPresence>();
        services.AddHostedService<RunLifetimeService>();
        services.AddSingleton<RunRecorder>();
        services.AddHostedService<RecorderShutdown>();
        services.AddHostedService<TrainingShutdown>(); // after RecorderShutdown: stops first, the recorder then stores the ends
        services.AddSingleton<TrainingService>();
        services.TryAddSingleton<ITrainingRuns, LocalTrainingRuns>();
        services.AddSingleton<IInterruptedRuns, MlIntro.Web.Store.EfInterruptedRuns>();
        services.AddHostedService<InterruptedStudyResumer>(); // after TrainingShutdown: the host stops it first
        services.AddScoped<PageOwner>();
        services.AddScoped<CircuitRunPauser>();
        services.AddScoped<MlIntro.Web.Components.Runs.LessonRuns>();
        services.AddScoped<MlIntro.Web.Components.Runs.ForkReader>();
        services.AddScoped<Microsoft.AspNetCore.Components.Server.Circuits.CircuitHandler>(sp => sp.GetRequiredService<CircuitRunPauser>());
        services.AddHealthChecks().AddCheck<TorchHealthCheck>("torch");
        return builder;
    }
}
