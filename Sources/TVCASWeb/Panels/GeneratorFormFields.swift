/// A generator form's fields, in order: label, input name and value.
typealias GeneratorFormFields = [(label: String, name: String, value: String)]
