public import ArgumentParser
public import SoukTools

extension CSVEncoding: ExpressibleByArgument {}
