namespace Schedulers.Designer;

/// <summary>The kind of file an imported text was recognised as, from its content alone (see <see cref="DesignerSettings.DetectImport"/>).</summary>
/// <param name="Source">The <see cref="IImportSource.Name"/> of the import that reads it.</param>
/// <param name="Reason">What gave it away, as the page shows it (<c>its keys lr_scheduler_type, num_train_epochs</c>).</param>
public sealed record ImportGuess(string Source, string Reason);
